using FluentValidation;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

public sealed record CustomerStatementQuery(Guid CustomerId, DateOnly? From, DateOnly? To) : IQuery<CustomerStatementResponse>;

public sealed record CustomerStatementPdfQuery(Guid CustomerId, DateOnly? From, DateOnly? To) : IQuery<(byte[] Pdf, string FileName)>;

public sealed class CustomerStatementQueryValidator : AbstractValidator<CustomerStatementQuery>
{
    public CustomerStatementQueryValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From!.Value).When(q => q.From is not null && q.To is not null);
}

public sealed class CustomerStatementPdfQueryValidator : AbstractValidator<CustomerStatementPdfQuery>
{
    public CustomerStatementPdfQueryValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From!.Value).When(q => q.From is not null && q.To is not null);
}

/// <summary>
/// A customer's statement (relevé de compte) over a period, from its account's rows: the balance before the period, every
/// invoice, credit note, receipt, refund and write-off of the period in date order with the running balance, the balance
/// at the end, and the invoices still open at the end date with their days late. Cancelled payments (entered by mistake)
/// are left out. Amounts include VAT; a positive balance is owed by the customer, a negative one is its credit.
/// </summary>
public sealed class CustomerStatementHandler(KobanDbContext db, CompanyClock clock, DocumentTemplateService templates)
    : IQueryHandler<CustomerStatementQuery, CustomerStatementResponse>,
      IQueryHandler<CustomerStatementPdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<CustomerStatementResponse> Handle(CustomerStatementQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(c => c.Id == query.CustomerId, cancellationToken)
            ?? throw new NotFoundException("customer", query.CustomerId);
        return await BuildAsync(customer, query.From, query.To, cancellationToken);
    }

    public async ValueTask<(byte[] Pdf, string FileName)> Handle(CustomerStatementPdfQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CustomerId, cancellationToken)
            ?? throw new NotFoundException("customer", query.CustomerId);
        var statement = await BuildAsync(customer, query.From, query.To, cancellationToken);
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var settings = await templates.SettingsAsync(PrintableKind.Invoice, cancellationToken);
        var logo = settings.ShowLogo ? await templates.LogoAsync(settings.LogoFileId, cancellationToken) : null;
        var today = await clock.TodayAsync(cancellationToken);
        var pdf = StatementPdf.Render(new StatementPrintable(PrintableParts.Seller(company), PrintableParts.Buyer(customer), statement, today), settings, logo);
        return (pdf, $"releve-{Slug(customer.Name)}-{statement.From:yyyyMMdd}-{statement.To:yyyyMMdd}.pdf");
    }

    private async Task<CustomerStatementResponse> BuildAsync(Customer customer, DateOnly? requestedFrom, DateOnly? requestedTo, CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var to = requestedTo ?? today;
        var from = requestedFrom ?? to.AddYears(-1).AddDays(1);
        var account = db.ReceivableItems.AsNoTracking().Where(i => i.CustomerId == customer.Id && !i.Cancelled);

        var opening = await account.Where(i => i.Date < from)
            .SumAsync(i => (decimal?)(i.Side == ReceivableSide.Debit ? i.Amount : -i.Amount), ct) ?? 0m;

        var rows = await account.Where(i => i.Date >= from && i.Date <= to)
            .GroupJoin(db.Payments.AsNoTracking(), i => i.SourceId, p => p.Id, (i, p) => new { Item = i, Payments = p })
            .SelectMany(x => x.Payments.DefaultIfEmpty(), (x, p) => new
            {
                x.Item.Id,
                x.Item.Date,
                x.Item.CreatedAt,
                x.Item.Kind,
                x.Item.Side,
                x.Item.SourceId,
                x.Item.Reference,
                x.Item.DueDate,
                x.Item.Amount,
                Method = p == null ? (PaymentMethod?)null : p.Method,
            })
            .OrderBy(r => r.Date).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);

        var statement = AccountStatement.Build(opening, rows.Select(r => new StatementMovement(r.Date, r.Kind, r.Side, r.Amount)));
        var lines = rows.Zip(statement.Entries, (r, e) => new StatementLine(r.Date, r.Kind, r.SourceId, r.Reference, Label(r.Kind, r.Side, r.Method),
            r.Kind == ReceivableKind.Invoice ? r.DueDate : null, e.Debit, e.Credit, e.Balance)).ToList();

        var open = await OpenInvoices.At(db, to, today).AsNoTracking().Where(r => r.CustomerId == customer.Id)
            .OrderBy(r => r.DueDate).ThenBy(r => r.IssueDate).ThenBy(r => r.Id).ToListAsync(ct);
        var openInvoices = open.Select(r => new StatementOpenInvoice(r.InvoiceId, r.Number, r.IssueDate, r.DueDate, r.Total, r.Outstanding,
            Aging.DaysLate(r.DueDate, to), r.Disputed)).ToList();

        return new CustomerStatementResponse(customer.Id, customer.Name, string.IsNullOrEmpty(customer.AccountingCode) ? null : customer.AccountingCode, from, to,
            statement.OpeningBalance, lines, statement.TotalDebit, statement.TotalCredit, statement.ClosingBalance, openInvoices, openInvoices.Sum(o => o.Outstanding));
    }

    /// <summary>The French wording of a movement as the customer reads it (its number or reference is printed beside it).</summary>
    public static string Label(ReceivableKind kind, ReceivableSide side, PaymentMethod? method)
    {
        var how = method is { } m ? $" — {BillingPdf.PaymentMethodLabel(m)}" : string.Empty;
        return kind switch
        {
            ReceivableKind.Invoice => "Facture",
            ReceivableKind.CreditNote => "Avoir",
            ReceivableKind.Receipt => $"Règlement{how}",
            ReceivableKind.Refund => $"Remboursement{how}",
            _ => side == ReceivableSide.Credit ? "Écart de règlement abandonné" : "Trop-perçu conservé",
        };
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
