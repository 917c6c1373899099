using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Recv_OpenItemsByDueDateAndId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receivable_items_company_id_kind_due_date",
                table: "receivable_items");

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_kind_due_date_id",
                table: "receivable_items",
                columns: new[] { "company_id", "kind", "due_date", "id" },
                filter: "outstanding > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receivable_items_company_id_kind_due_date_id",
                table: "receivable_items");

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_kind_due_date",
                table: "receivable_items",
                columns: new[] { "company_id", "kind", "due_date" },
                filter: "outstanding > 0");
        }
    }
}
