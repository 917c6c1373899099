using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DocumentTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_templates",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    accent_color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    show_logo = table.Column<bool>(type: "boolean", nullable: false),
                    logo_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    header_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    footer_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    show_bank_details = table.Column<bool>(type: "boolean", nullable: false),
                    terms_and_conditions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    email_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email_body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_templates", x => new { x.company_id, x.kind });
                    table.ForeignKey(
                        name: "fk_document_templates_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_document_templates_files_logo_file_id",
                        column: x => x.logo_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_templates_logo_file_id",
                table: "document_templates",
                column: "logo_file_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_templates");
        }
    }
}
