using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Lists_StatusAndDueDateInSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_due_date_id",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_issue_date_id",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_total_including_",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_updated_at_id",
                table: "billing_documents");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_due_date_id_stat",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "due_date", "id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_issue_date_id_st",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "issue_date", "id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_total_including_",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "total_including_vat", "id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_updated_at_id_st",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "updated_at", "id", "status", "due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_due_date_id_stat",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_issue_date_id_st",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_total_including_",
                table: "billing_documents");

            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_document_type_updated_at_id_st",
                table: "billing_documents");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_due_date_id",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "due_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_issue_date_id",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "issue_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_total_including_",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "total_including_vat", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_updated_at_id",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "updated_at", "id" });
        }
    }
}
