using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Speed2_ListSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_order_date_id",
                table: "orders",
                columns: new[] { "company_id", "order_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_company_id_occurred_at_id",
                table: "audit_events",
                columns: new[] { "company_id", "occurred_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_company_id_order_date_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_company_id_occurred_at_id",
                table: "audit_events");
        }
    }
}
