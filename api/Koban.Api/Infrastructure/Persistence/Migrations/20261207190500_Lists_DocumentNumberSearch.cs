using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <summary>SQL only (<see cref="Sql.DocumentNumberSearch"/>): the model does not change, so no target-model copy.</summary>
    [DbContext(typeof(KobanDbContext))]
    [Migration("20261207190500_Lists_DocumentNumberSearch")]
    public partial class Lists_DocumentNumberSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.DocumentNumberSearch.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.DocumentNumberSearch.Down);
        }
    }
}
