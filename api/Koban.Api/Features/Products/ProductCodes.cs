using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Products;

internal static class ProductCodes
{
    /// <summary>Saves, turning the unique index on the code into the field error <c>product_code_taken</c>.</summary>
    public static async Task SaveAsync(KobanDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new FieldValidationException("code", ApiErrorCodes.ProductCodeTaken);
        }
    }
}
