using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class M13Contracts_Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    periodicity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    timing = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tacit_renewal = table.Column<bool>(type: "boolean", nullable: false),
                    notice_months = table.Column<int>(type: "integer", nullable: false),
                    revision_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    revision_percentage = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    revision_index_base = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    index_revision_pending = table.Column<bool>(type: "boolean", nullable: false),
                    current_term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    current_term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    renewal_declined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_date = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contracts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contracts_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    unit_price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    vat_exemption_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_lines_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_contract_lines_order_line_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "order_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    revision_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    revision_value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    price_factor = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    tacit = table.Column<bool>(type: "boolean", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_terms_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_terms_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contract_lines_company_id",
                table: "contract_lines",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_lines_contract_id_position",
                table: "contract_lines",
                columns: new[] { "contract_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_contract_lines_order_line_id",
                table: "contract_lines",
                column: "order_line_id",
                unique: true,
                filter: "order_line_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contract_lines_product_id",
                table: "contract_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_terms_company_id",
                table: "contract_terms",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_terms_contract_id_number",
                table: "contract_terms",
                columns: new[] { "contract_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_customer_id",
                table: "contracts",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_order_id",
                table: "contracts",
                columns: new[] { "company_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_reference",
                table: "contracts",
                columns: new[] { "company_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_status_current_term_end",
                table: "contracts",
                columns: new[] { "company_id", "status", "current_term_end" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_company_id_updated_at",
                table: "contracts",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_customer_id",
                table: "contracts",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_order_id",
                table: "contracts",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_lines");

            migrationBuilder.DropTable(
                name: "contract_terms");

            migrationBuilder.DropTable(
                name: "contracts");
        }
    }
}
