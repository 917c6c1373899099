using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <summary>The summary of the open invoices' totals per due date (<see cref="Sql.ReceivableTotalsSql"/>): table, triggers,
    /// compaction function, and its filling from the existing account rows.</summary>
    public partial class Recv_ReceivableDueTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receivable_due_totals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    disputed = table.Column<bool>(type: "boolean", nullable: false),
                    open_count = table.Column<long>(type: "bigint", nullable: false),
                    outstanding = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receivable_due_totals", x => x.id);
                    table.ForeignKey(
                        name: "fk_receivable_due_totals_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_receivable_due_totals_company_id_due_date_disputed",
                table: "receivable_due_totals",
                columns: new[] { "company_id", "due_date", "disputed" });

            migrationBuilder.Sql(Sql.ReceivableTotalsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.ReceivableTotalsSql.Down);

            migrationBuilder.DropTable(
                name: "receivable_due_totals");
        }
    }
}
