using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Legal_SaleDateAndLineExemptionReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "vat_exemption_reason",
                table: "quote_lines",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "vat_exemption_reason",
                table: "order_lines",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "sale_date",
                table: "billing_documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "vat_exemption_reason",
                table: "billing_document_lines",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "vat_exemption_reason",
                table: "quote_lines");

            migrationBuilder.DropColumn(
                name: "vat_exemption_reason",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "sale_date",
                table: "billing_documents");

            migrationBuilder.DropColumn(
                name: "vat_exemption_reason",
                table: "billing_document_lines");
        }
    }
}
