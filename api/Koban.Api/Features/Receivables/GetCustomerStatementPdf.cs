using FluentValidation;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

public sealed record CustomerStatementPdfQuery(Guid CustomerId, DateOnly? From, DateOnly? To) : IQuery<(byte[] Pdf, string FileName)>;

public sealed class CustomerStatementPdfQueryValidator : AbstractValidator<CustomerStatementPdfQuery>
{
    public CustomerStatementPdfQueryValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From!.Value).When(q => q.From is not null && q.To is not null);
}

/// <summary>A customer's statement printed with the invoice template's header, footer and bank details.</summary>
public sealed class CustomerStatementPdfHandler(KobanDbContext db, CompanyClock clock, DocumentTemplateService templates, ReceivablesReader reader)
    : IQueryHandler<CustomerStatementPdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<(byte[] Pdf, string FileName)> Handle(CustomerStatementPdfQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CustomerId, cancellationToken)
            ?? throw new NotFoundException("customer", query.CustomerId);
        var statement = await reader.StatementAsync(customer, query.From, query.To, cancellationToken);
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var settings = await templates.SettingsAsync(PrintableKind.Invoice, cancellationToken);
        var logo = settings.ShowLogo ? await templates.LogoAsync(settings.LogoFileId, cancellationToken) : null;
        var today = await clock.TodayAsync(cancellationToken);
        var pdf = StatementPdf.Render(new StatementPrintable(PrintableParts.Seller(company), PrintableParts.Buyer(customer), statement, today), settings, logo);
        return (pdf, $"releve-{Slug(customer.Name)}-{statement.From:yyyyMMdd}-{statement.To:yyyyMMdd}.pdf");
    }

    private static string Slug(string name)
    {
        var ascii = new string([.. name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        var slug = string.Join('-', ascii.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "client" : slug[..Math.Min(slug.Length, 40)];
    }
}

public static class GetCustomerStatementPdf
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/customers/{id:guid}/statement", async Task<FileContentHttpResult> (Guid id, DateOnly? from, DateOnly? to, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new CustomerStatementPdfQuery(id, from, to), ct);
                return PdfResults.Inline(response, pdf, fileName);
            })
            .WithName("GetCustomerStatementPdf")
            .WithSummary("A customer's statement (relevé de compte) as a PDF")
            .WithDescription("The statement a company sends its customer, in French: the company's header (logo, accent colour, footer and bank details of the invoice template), the customer, the period, the balance before it, every invoice, credit note, receipt, refund and write-off of the period in date order with debit, credit and running balance, the period's totals and closing balance, then the invoices still open at `to` with their days late (counted at `to`; disputed ones marked), page numbers on every page. Amounts include VAT, as `1 234,56 €`; a positive balance is owed by the customer, a negative one is its credit (printed `(créditeur)`). Cancelled payments are left out. " + ReceivablesEndpoints.StatementPeriod + " Rendered on each request from the live rows (a statement is not an archived document). The same figures as JSON: `GET /receivables/customers/{id}/statement-lines`.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(400, 404);
}
