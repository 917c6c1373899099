using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.QuartzJobStore.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.QuartzJobStore.Down);
        }
    }
}
