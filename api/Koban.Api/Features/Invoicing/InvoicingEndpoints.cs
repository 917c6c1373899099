using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Invoicing;

/// <summary>The invoice and credit-note routes, mapped use case by use case in the order of the contract.</summary>
public static class InvoicingEndpoints
{
    public static void MapInvoicingEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices");
        ListInvoicesHandler.Map(invoices);
        CreateDirectInvoiceHandler.Map(invoices);
        CreateInvoiceFromOrderHandler.Map(invoices);
        CreateInvoiceFromDeliveryNotesHandler.Map(invoices);
        PreviewInvoiceFromOrderHandler.Map(invoices);
        GetInvoiceHandler.Map(invoices);
        UpdateInvoiceHandler.Map(invoices);
        DeleteInvoiceHandler.Map(invoices);
        ValidateInvoiceHandler.Map(invoices);

        var credits = app.MapGroup("/api/v1/credit-notes").WithTags("Credit notes");
        ListCreditNotesHandler.Map(credits);
        CreateCreditNoteHandler.Map(credits);
        GetCreditNoteHandler.Map(credits);
        UpdateCreditNoteHandler.Map(credits);
        DeleteCreditNoteHandler.Map(credits);
        ValidateCreditNoteHandler.Map(credits);
    }

    /// <summary>The PDF routes, mapped after the document templates' as they always were.</summary>
    public static void MapBillingPdfEndpoints(this IEndpointRouteBuilder app)
    {
        GetInvoicePdfHandler.Map(app);
        GetCreditNotePdfHandler.Map(app);
    }

    /// <summary>The e-mail routes of invoices and credit notes (orders and quotes: <c>SalesEndpoints.MapSalesEmailEndpoints</c>).</summary>
    public static void MapInvoicingEmailEndpoints(this IEndpointRouteBuilder app)
    {
        SendInvoiceHandler.Map(app);
        ListInvoiceEmails.Map(app);
        SendCreditNoteHandler.Map(app);
        ListCreditNoteEmails.Map(app);
    }
}
