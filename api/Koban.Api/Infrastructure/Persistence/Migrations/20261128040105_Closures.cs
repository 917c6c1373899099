using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Closures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compliance_closures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    fiscal_year_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_rows = table.Column<string>(type: "jsonb", nullable: false),
                    period_count = table.Column<int>(type: "integer", nullable: false),
                    period_base = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    period_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    period_total_including_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    cumulative_rows = table.Column<string>(type: "jsonb", nullable: false),
                    cumulative_count = table.Column<int>(type: "integer", nullable: false),
                    cumulative_base = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    cumulative_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    cumulative_total_including_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    last_document_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    last_document_sequence = table.Column<long>(type: "bigint", nullable: true),
                    last_document_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    chain_sequence = table.Column<long>(type: "bigint", nullable: false),
                    previous_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_closures", x => x.id);
                    table.ForeignKey(
                        name: "fk_compliance_closures_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compliance_closures_company_id_chain_sequence",
                table: "compliance_closures",
                columns: new[] { "company_id", "chain_sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compliance_closures_company_id_kind_period_start",
                table: "compliance_closures",
                columns: new[] { "company_id", "kind", "period_start" },
                unique: true);

            // Hand-written: insert-only triggers (re-apply if this migration is regenerated).
            migrationBuilder.Sql(Sql.ClosuresImmutability.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.ClosuresImmutability.Down);
            migrationBuilder.DropTable(
                name: "compliance_closures");
        }
    }
}
