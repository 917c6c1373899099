using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccA_LateFeesAndVatTreatment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "treatment",
                table: "journal_entry_lines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "late_fee",
                table: "billing_document_lines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "late_interest_account",
                table: "accounting_settings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "763800");

            migrationBuilder.AddColumn<string>(
                name: "recovery_indemnity_account",
                table: "accounting_settings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "758800");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "treatment",
                table: "journal_entry_lines");

            migrationBuilder.DropColumn(
                name: "late_fee",
                table: "billing_document_lines");

            migrationBuilder.DropColumn(
                name: "late_interest_account",
                table: "accounting_settings");

            migrationBuilder.DropColumn(
                name: "recovery_indemnity_account",
                table: "accounting_settings");
        }
    }
}
