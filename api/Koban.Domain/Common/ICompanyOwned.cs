namespace Koban.Domain.Common;

/// <summary>
/// A row that belongs to exactly one company. The persistence layer stamps and filters
/// <see cref="CompanyId"/> centrally, and PostgreSQL row-level security enforces it a second time.
/// </summary>
public interface ICompanyOwned
{
    Guid CompanyId { get; }
}
