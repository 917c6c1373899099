using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Invoicing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    payment_terms_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    header_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    footer_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    total_excluding_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total_including_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    vat_breakdown = table.Column<string>(type: "jsonb", nullable: false),
                    seller = table.Column<string>(type: "jsonb", nullable: true),
                    buyer = table.Column<string>(type: "jsonb", nullable: true),
                    legal_notes = table.Column<string>(type: "jsonb", nullable: false),
                    template_snapshot = table.Column<string>(type: "jsonb", nullable: true),
                    validated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    validated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    chain_sequence = table.Column<long>(type: "bigint", nullable: true),
                    previous_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    document_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    invoice_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    invoice_date = table.Column<DateOnly>(type: "date", nullable: true),
                    invoice_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reason_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    milestone_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_billing_documents_billing_documents_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "billing_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_documents_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_documents_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_documents_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "compliance_chain_heads",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_chain_heads", x => x.company_id);
                    table.ForeignKey(
                        name: "fk_compliance_chain_heads_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "archived_documents",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    document_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archived_documents", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_archived_documents_billing_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "billing_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_archived_documents_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_archived_documents_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "billing_document_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deducted_invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deducted_vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
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
                    table.PrimaryKey("pk_billing_document_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_billing_document_lines_billing_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "billing_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_billing_document_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_document_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_archived_documents_company_id",
                table: "archived_documents",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_archived_documents_file_id",
                table: "archived_documents",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_document_lines_company_id",
                table: "billing_document_lines",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_document_lines_document_id_position",
                table: "billing_document_lines",
                columns: new[] { "document_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_document_lines_order_line_id",
                table: "billing_document_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_document_lines_product_id",
                table: "billing_document_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_chain_sequence",
                table: "billing_documents",
                columns: new[] { "company_id", "chain_sequence" },
                unique: true,
                filter: "chain_sequence IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_customer_id",
                table: "billing_documents",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_document_type_number",
                table: "billing_documents",
                columns: new[] { "company_id", "document_type", "number" },
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_order_id",
                table: "billing_documents",
                columns: new[] { "company_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_status_issue_date",
                table: "billing_documents",
                columns: new[] { "company_id", "status", "issue_date" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_company_id_updated_at",
                table: "billing_documents",
                columns: new[] { "company_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_customer_id",
                table: "billing_documents",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_invoice_id",
                table: "billing_documents",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_documents_order_id",
                table: "billing_documents",
                column: "order_id");
            migrationBuilder.Sql(Sql.InvoicingImmutability.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.InvoicingImmutability.Down);
            migrationBuilder.DropTable(
                name: "archived_documents");

            migrationBuilder.DropTable(
                name: "billing_document_lines");

            migrationBuilder.DropTable(
                name: "compliance_chain_heads");

            migrationBuilder.DropTable(
                name: "billing_documents");
        }
    }
}
