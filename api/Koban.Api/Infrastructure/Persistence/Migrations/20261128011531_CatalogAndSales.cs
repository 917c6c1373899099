using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogAndSales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    vat_regime = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    vat_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    billing_address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    billing_address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    billing_address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    billing_address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    billing_address_country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    payment_terms_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: true),
                    accounting_code = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    unit_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_exemption_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    for_sale = table.Column<bool>(type: "boolean", nullable: false),
                    deliverable = table.Column<bool>(type: "boolean", nullable: false),
                    is_contract = table.Column<bool>(type: "boolean", nullable: false),
                    contract_periodicity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contract_term_months = table.Column<int>(type: "integer", nullable: true),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_products_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    job_title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    is_billing = table.Column<bool>(type: "boolean", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_contacts_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_contacts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_delivery_addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address_country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_delivery_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_delivery_addresses_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_delivery_addresses_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expected_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    expected_close_date = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    lost_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunities", x => x.id);
                    table.ForeignKey(
                        name: "fk_opportunities_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opportunity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refused_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    total_excluding_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_including_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quotes_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotes_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotes_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bill_to_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_date = table.Column<DateOnly>(type: "date", nullable: false),
                    payment_terms_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    source_quote_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    template_id = table.Column<Guid>(type: "uuid", nullable: true),
                    header_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    footer_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    general_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    salesperson_id = table.Column<Guid>(type: "uuid", nullable: true),
                    planned_delivery_date = table.Column<DateOnly>(type: "date", nullable: true),
                    delivery_method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    delivery_address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery_address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery_address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    delivery_address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    delivery_address_country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    internal_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    total_excluding_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_including_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_customers_bill_to_customer_id",
                        column: x => x.bill_to_customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_quotes_source_quote_id",
                        column: x => x.source_quote_id,
                        principalTable: "quotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quote_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    quote_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    unit_price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_contract_line = table.Column<bool>(type: "boolean", nullable: false),
                    net_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quote_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_quote_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quote_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quote_lines_quotes_quote_id",
                        column: x => x.quote_id,
                        principalTable: "quotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    unit_price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    vat_category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_contract_line = table.Column<bool>(type: "boolean", nullable: false),
                    net_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_order_lines_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_order_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_contacts_company_id",
                table: "customer_contacts",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ux_customer_contacts_billing",
                table: "customer_contacts",
                column: "customer_id",
                unique: true,
                filter: "is_billing");

            migrationBuilder.CreateIndex(
                name: "ix_customer_delivery_addresses_company_id",
                table: "customer_delivery_addresses",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_delivery_addresses_customer_id",
                table: "customer_delivery_addresses",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_accounting_code",
                table: "customers",
                columns: new[] { "company_id", "accounting_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_name_id",
                table: "customers",
                columns: new[] { "company_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_siren",
                table: "customers",
                columns: new[] { "company_id", "siren" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id_updated_at",
                table: "customers",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_company_id_customer_id",
                table: "opportunities",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_company_id_updated_at",
                table: "opportunities",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_customer_id",
                table: "opportunities",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_company_id",
                table: "order_lines",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_order_id_position",
                table: "order_lines",
                columns: new[] { "order_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_product_id",
                table: "order_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_bill_to_customer_id",
                table: "orders",
                column: "bill_to_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_customer_id",
                table: "orders",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_number",
                table: "orders",
                columns: new[] { "company_id", "number" },
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_source_quote_id",
                table: "orders",
                columns: new[] { "company_id", "source_quote_id" },
                unique: true,
                filter: "source_quote_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_status_order_date",
                table: "orders",
                columns: new[] { "company_id", "status", "order_date" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_company_id_updated_at",
                table: "orders",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id",
                table: "orders",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_source_quote_id",
                table: "orders",
                column: "source_quote_id");

            migrationBuilder.CreateIndex(
                name: "ix_products_company_id_code",
                table: "products",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_company_id_name_id",
                table: "products",
                columns: new[] { "company_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_company_id_updated_at",
                table: "products",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_quote_lines_company_id",
                table: "quote_lines",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_quote_lines_product_id",
                table: "quote_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_quote_lines_quote_id_position",
                table: "quote_lines",
                columns: new[] { "quote_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_company_id_customer_id",
                table: "quotes",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_company_id_number",
                table: "quotes",
                columns: new[] { "company_id", "number" },
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_company_id_opportunity_id",
                table: "quotes",
                columns: new[] { "company_id", "opportunity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_company_id_updated_at",
                table: "quotes",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_customer_id",
                table: "quotes",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_opportunity_id",
                table: "quotes",
                column: "opportunity_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_contacts");

            migrationBuilder.DropTable(
                name: "customer_delivery_addresses");

            migrationBuilder.DropTable(
                name: "order_lines");

            migrationBuilder.DropTable(
                name: "quote_lines");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropTable(
                name: "quotes");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
