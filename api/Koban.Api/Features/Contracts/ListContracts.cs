using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

public sealed record ListContractsQuery(int Limit, string? After, string? Sort, string? Search, ContractStatus? Status, Guid? CustomerId, Guid? OrderId,
    int? RenewalWithin, DateTimeOffset? UpdatedSince) : IQuery<ContractList>;

public sealed class ListContractsHandler(KobanDbContext db, ContractReader reader, CompanyClock clock) : IQueryHandler<ListContractsQuery, ContractList>
{
    public static readonly SortFields<Contract> Sorts = new SortFields<Contract>("-updatedAt")
        .Add("reference", c => c.Reference)
        .Add("startDate", c => c.StartDate)
        .Add("currentTermEnd", c => c.CurrentTermEnd)
        .Add("updatedAt", c => c.UpdatedAt);

    public async ValueTask<ContractList> Handle(ListContractsQuery query, CancellationToken cancellationToken)
    {
        if (query.RenewalWithin is < 1 or > ListContractRenewalsQuery.MaximumWithin)
            throw new FieldValidationException("renewalWithin", ApiErrorCodes.RenewalWindowOutOfRange);
        var contracts = db.Contracts.AsNoTracking().AsSplitQuery();
        if (query.Status is { } status) contracts = contracts.Where(c => c.Status == status);
        if (query.CustomerId is { } customerId) contracts = contracts.Where(c => c.CustomerId == customerId);
        if (query.OrderId is { } orderId) contracts = contracts.Where(c => c.OrderId == orderId);
        if (query.UpdatedSince is { } since) contracts = contracts.Where(c => c.UpdatedAt >= since);
        if (query.RenewalWithin is { } within)
        {
            var limit = (await clock.TodayAsync(cancellationToken)).AddDays(within);
            contracts = contracts.Where(c => c.Status == ContractStatus.Active && (c.CurrentTermEnd <= limit || c.IndexRevisionPending));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            contracts = contracts.Where(c => EF.Functions.ILike(c.Reference, pattern, "\\")
                || db.Customers.Any(x => x.Id == c.CustomerId && EF.Functions.ILike(x.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(contracts, Sorts, query.Sort, query.After, query.Limit, c => c.Id, cancellationToken);
        return new ContractList(await reader.SummariesAsync(rows, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapGet("/", async Task<Ok<ContractList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, ContractStatus? status,
                Guid? customerId, Guid? orderId, int? renewalWithin, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListContractsQuery(Cursor.Limit(limit), after, sort, search, status, customerId, orderId, renewalWithin, updatedSince), ct)))
            .WithName("ListContracts")
            .WithSummary("List subscription contracts")
            .WithDescription("Filters: `status` (Draft, Active, Terminated, Expired), `customerId`, `orderId`, `renewalWithin` (1–366: active contracts whose current term ends within that many days, or whose index revision is pending), `updatedSince`; `search` matches the reference or the customer's name. `sort`: `-updatedAt` (default), `reference`, `startDate`, `currentTermEnd`.")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithExamples(null, 200, ContractsExamples.List);
}
