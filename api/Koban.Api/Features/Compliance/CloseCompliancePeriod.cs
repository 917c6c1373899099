using FluentValidation;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Compliance;

public sealed record CloseClosureCommand(ClosureKind Kind, int Year, int? Month) : ICommand<ClosureResponse>;

public sealed class CloseClosureValidator : AbstractValidator<CloseClosureCommand>
{
    public CloseClosureValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Year).InclusiveBetween(2000, 9998);
        RuleFor(c => c.Month).NotNull().InclusiveBetween(1, 12).When(c => c.Kind == ClosureKind.Month);
        RuleFor(c => c.Month).Null().When(c => c.Kind == ClosureKind.FiscalYear);
    }
}

public sealed class CloseClosureHandler(ClosureService closures) : ICommandHandler<CloseClosureCommand, ClosureResponse>
{
    public async ValueTask<ClosureResponse> Handle(CloseClosureCommand command, CancellationToken cancellationToken) =>
        (await closures.CloseAsync(command.Kind, command.Year, command.Month, cancellationToken)).MapTo<ClosureResponse>();

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/closures", async Task<Created<ClosureResponse>> (CloseClosureRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var closure = await mediator.Send(new CloseClosureCommand(request.Kind, request.Year, request.Month), ct);
                return TypedResults.Created($"/api/v1/compliance/closures/{closure.Id}", closure);
            })
            .WithName("CloseCompliancePeriod")
            .WithSummary("Close a month or a fiscal year")
            .WithDescription("Records the period's totals per document type, VAT rate and category — for the period and cumulated since the start of the fiscal year (company setting `fiscalYearStartMonth`) — with the last document of the period, and chains the closure's own fingerprint after the last validated document or closure. Documents belong to the period of their issue date; once a month is closed, no invoice or credit note can be dated in it (`period_closed`). Rules: a period closes once (409 `closure_already_closed`) and only after its last day in the company's time zone (422 `closure_period_not_ended`); months close in order: a month waits for every earlier month that has documents (422 `closure_previous_month_open`; months without documents need no closure) and cannot be closed before an already closed month (422 `closure_out_of_order`); a fiscal year closes after its last month (422 `closure_months_open`). A fiscal year is named after the year of its closing date. A daily job closes ended months automatically (`Koban:Compliance:AutoClose`).")
            .RequirePermission(Permissions.Accounting, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new CloseClosureRequest(ClosureKind.Month, 2026, 3), 201, ComplianceExamples.March);
}
