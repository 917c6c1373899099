using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Sales;

public sealed record PreviewTotalsQuery(Guid CustomerId, IReadOnlyList<SalesLineRequest> Lines) : IQuery<PreviewTotalsResponse>;

public sealed class PreviewTotalsValidator : AbstractValidator<PreviewTotalsQuery>
{
    public PreviewTotalsValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.Lines).NotNull();
        RuleForEach(q => q.Lines).SetValidator(new SalesLineValidator());
    }
}

public sealed class PreviewTotalsHandler(SalesLineBuilder builder, CompanyClock clock) : IQueryHandler<PreviewTotalsQuery, PreviewTotalsResponse>
{
    public async ValueTask<PreviewTotalsResponse> Handle(PreviewTotalsQuery query, CancellationToken cancellationToken)
    {
        var customer = await builder.CustomerAsync(query.CustomerId, "customerId", forNewDocument: false, cancellationToken);
        var lines = await builder.BuildAsync(query.Lines, customer, cancellationToken);
        // The same engine and line checks as a saved draft, without saving anything.
        var draft = Order.CreateDraft(new OrderHeaderData(customer.Id, await clock.TodayAsync(cancellationToken), PaymentTerms.OnReceipt, PaymentMethod.BankTransfer), lines, false);
        return new PreviewTotalsResponse([.. draft.Lines.OrderBy(l => l.Position).Select(l => l.MapTo<SalesLineResponse>())], TotalsResponse.From(draft.ComputeTotals()));
    }
}

internal static class PreviewOrderTotalsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/preview", async Task<Ok<PreviewTotalsResponse>> (PreviewTotalsRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewTotalsQuery(body.CustomerId, body.Lines ?? []), ct)))
            .WithName("PreviewOrderTotals")
            .WithSummary("Compute the totals of lines without saving")
            .WithDescription("The line editors call this as the user types: same line rules and totals engine as a saved document (line net rounded to the cent, VAT per rate on the sum of line nets, domain-rules §5). Nothing is stored.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithProblems(422)
            .WithExamples(SalesOpenApiExamples.PreviewRequest, 200, SalesOpenApiExamples.Preview);
}
