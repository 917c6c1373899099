using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReceivablesAndAccounting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounting_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sales_journal = table.Column<string>(type: "jsonb", nullable: false),
                    bank_journal = table.Column<string>(type: "jsonb", nullable: false),
                    misc_journal = table.Column<string>(type: "jsonb", nullable: false),
                    customer_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_deposit_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    services_revenue_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goods_revenue_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revenue_rules = table.Column<string>(type: "jsonb", nullable: false),
                    vat_collected_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vat_pending_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vat_rules = table.Column<string>(type: "jsonb", nullable: false),
                    bank_accounts = table.Column<string>(type: "jsonb", nullable: false),
                    bank_fees_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    bad_debt_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    write_off_loss_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    write_off_gain_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unidentified_receipts_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    write_off_limit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounting_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounting_settings_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    journal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    journal_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    journal_label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    fiscal_year_end = table.Column<DateOnly>(type: "date", nullable: false),
                    piece_ref = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    piece_date = table.Column<DateOnly>(type: "date", nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    validation_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    export_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_entries_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    bank_fees = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    bank_account_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receivable_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    settled = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    settled_by_credit_notes = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    outstanding = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    last_settled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disputed = table.Column<bool>(type: "boolean", nullable: false),
                    dispute_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    disputed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receivable_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_receivable_items_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_receivable_items_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal_entry_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    account_label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    auxiliary_account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    auxiliary_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    vat_base = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entry_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_entry_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_entry_lines_journal_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debit_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debit_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    credit_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocations_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_receivable_items_credit_item_id",
                        column: x => x.credit_item_id,
                        principalTable: "receivable_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_receivable_items_debit_item_id",
                        column: x => x.debit_item_id,
                        principalTable: "receivable_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounting_settings_company_id",
                table: "accounting_settings",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_credit_item_id",
                table: "allocations",
                columns: new[] { "company_id", "credit_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_company_id_debit_item_id",
                table: "allocations",
                columns: new[] { "company_id", "debit_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_credit_item_id",
                table: "allocations",
                column: "credit_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_debit_item_id",
                table: "allocations",
                column: "debit_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_company_id_date_sequence",
                table: "journal_entries",
                columns: new[] { "company_id", "date", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_company_id_journal_code_fiscal_year_end_num",
                table: "journal_entries",
                columns: new[] { "company_id", "journal_code", "fiscal_year_end", "number" },
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_company_id_source_source_id",
                table: "journal_entries",
                columns: new[] { "company_id", "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entry_lines_company_id",
                table: "journal_entry_lines",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entry_lines_entry_id_position",
                table: "journal_entry_lines",
                columns: new[] { "entry_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_entry_lines_invoice_id",
                table: "journal_entry_lines",
                column: "invoice_id",
                filter: "invoice_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payments_company_id_customer_id",
                table: "payments",
                columns: new[] { "company_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_company_id_date",
                table: "payments",
                columns: new[] { "company_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_customer_id",
                table: "payments",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_customer_id_side",
                table: "receivable_items",
                columns: new[] { "company_id", "customer_id", "side" });

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_kind_due_date",
                table: "receivable_items",
                columns: new[] { "company_id", "kind", "due_date" },
                filter: "outstanding > 0");

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_company_id_source_id_kind",
                table: "receivable_items",
                columns: new[] { "company_id", "source_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receivable_items_customer_id",
                table: "receivable_items",
                column: "customer_id");
            migrationBuilder.Sql(Sql.ReceivablesSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.ReceivablesSql.Down);
            migrationBuilder.DropTable(
                name: "accounting_settings");

            migrationBuilder.DropTable(
                name: "allocations");

            migrationBuilder.DropTable(
                name: "journal_entry_lines");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "receivable_items");

            migrationBuilder.DropTable(
                name: "journal_entries");
        }
    }
}
