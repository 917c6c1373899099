using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record GetPaymentQuery(Guid Id) : IQuery<PaymentResponse>;

public sealed class GetPaymentHandler(PaymentsReader reader) : IQueryHandler<GetPaymentQuery, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(GetPaymentQuery query, CancellationToken cancellationToken) => await reader.PaymentAsync(query.Id, cancellationToken);
}

public static class GetPayment
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapGet("/{id:guid}", async Task<Ok<PaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPaymentQuery(id), ct)))
            .WithName("GetPayment")
            .WithSummary("Get a payment with its allocations")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, PaymentsExamples.Recorded);
}
