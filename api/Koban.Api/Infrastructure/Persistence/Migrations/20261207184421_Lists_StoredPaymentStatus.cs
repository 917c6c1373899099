using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Lists_StoredPaymentStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "payment_status",
                table: "receivable_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                computedColumnSql: "CASE WHEN kind <> 'Invoice' THEN NULL\n     WHEN outstanding <= 0 THEN CASE WHEN amount - outstanding - settled_by_credit_notes > 0 THEN 'Paid' ELSE 'Credited' END\n     WHEN amount - outstanding - settled_by_credit_notes > 0 THEN 'PartiallyPaid'\n     ELSE 'Unpaid' END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_payment_status_source_id",
                table: "receivable_items",
                columns: new[] { "company_id", "payment_status", "source_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receivable_items_company_id_payment_status_source_id",
                table: "receivable_items");

            migrationBuilder.DropColumn(
                name: "payment_status",
                table: "receivable_items");
        }
    }
}
