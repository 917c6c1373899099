using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Lists_CustomerDocumentsByUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_customer_id",
                table: "billing_documents");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_customer_id_document_type_upda",
                table: "billing_documents",
                columns: new[] { "company_id", "customer_id", "document_type", "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_documents_company_id_customer_id_document_type_upda",
                table: "billing_documents");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_customer_id",
                table: "billing_documents",
                columns: new[] { "company_id", "customer_id" });
        }
    }
}
