using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koban.Api.Infrastructure.Persistence.Migrations
{
    /// <summary>SQL only (<see cref="Sql.DocumentNumberSearch.WithoutPendingListUp"/>): the model does not change, so no
    /// target-model copy.</summary>
    [DbContext(typeof(KobanDbContext))]
    [Migration("20261208050000_Lists_NumberSearchWithoutPendingList")]
    public partial class Lists_NumberSearchWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.DocumentNumberSearch.WithoutPendingListUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.DocumentNumberSearch.WithoutPendingListDown);
        }
    }
}
