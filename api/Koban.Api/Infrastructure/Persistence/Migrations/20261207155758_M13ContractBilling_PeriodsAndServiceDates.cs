using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class M13ContractBilling_PeriodsAndServiceDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "service_end",
                table: "billing_document_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "service_start",
                table: "billing_document_lines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contract_billing_settings",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoicing = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    notice_reminder_days = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_billing_settings", x => x.company_id);
                    table.ForeignKey(
                        name: "fk_contract_billing_settings_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_notice_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    notice_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_notice_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_notice_reminders_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_notice_reminders_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    billing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    pro_rata_factor = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    amount_excluding_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_periods_billing_documents_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "billing_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_periods_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_periods_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contract_notice_reminders_company_id",
                table: "contract_notice_reminders",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_notice_reminders_contract_id_term_number",
                table: "contract_notice_reminders",
                columns: new[] { "contract_id", "term_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_periods_company_id",
                table: "contract_periods",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_periods_contract_id_period_start",
                table: "contract_periods",
                columns: new[] { "contract_id", "period_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_periods_invoice_id",
                table: "contract_periods",
                column: "invoice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_billing_settings");

            migrationBuilder.DropTable(
                name: "contract_notice_reminders");

            migrationBuilder.DropTable(
                name: "contract_periods");

            migrationBuilder.DropColumn(
                name: "service_end",
                table: "billing_document_lines");

            migrationBuilder.DropColumn(
                name: "service_start",
                table: "billing_document_lines");
        }
    }
}
