using Koban.Domain.Receivables.Reminders;

namespace Koban.Api.Features.Reminders;

/// <summary>The OpenAPI examples of the Reminders feature: an invoice of Menuiserie Durand reminded once automatically, then by hand.</summary>
public static class RemindersExamples
{
    private static readonly Guid InvoiceId = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid CustomerId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Stamp = new(2026, 5, 15, 8, 0, 0, TimeSpan.Zero);

    public static readonly InvoiceReminderResponse Friendly = new(Guid.Parse("01936f00-0000-7000-8000-0000000000b1"), InvoiceId, "FA-2026-00042", CustomerId,
        "Menuiserie Durand SARL", 1, 1, "Relance amicale", ReminderStatus.Sent, 7, 1747.08m, Guid.Parse("01936f00-0000-7000-8000-0000000000a1"),
        ["compta@durand.example"], "Rappel : facture FA-2026-00042 échue le 08/05/2026", Stamp, ReminderRunner.ActorName);

    public static readonly InvoiceReminderResponse Manual = Friendly with
    {
        Id = Guid.Parse("01936f00-0000-7000-8000-0000000000b2"),
        Level = null,
        TemplateLevel = 2,
        LevelName = "Relance ferme",
        Status = ReminderStatus.Manual,
        DaysLate = 12,
        Subject = "Deuxième relance : facture FA-2026-00042 impayée",
        CreatedAt = Stamp.AddDays(5),
        CreatedByName = "Claire Martin",
    };

    public static readonly IReadOnlyList<ReminderLevelSettings> Levels = [.. ReminderLevels.Defaults.Select(ReminderLevelSettings.From)];

    public static readonly ReminderSettingsResponse Settings = new(true, true, Levels, ReminderTemplate.Placeholders);

    public static readonly UpdateReminderSettingsRequest UpdateSettings = new(true, Levels);

    public static readonly ReminderListResponse List = new([Manual, Friendly]);

    public static readonly InvoiceRemindersResponse Invoice = new(InvoiceId, "FA-2026-00042", new DateOnly(2026, 5, 8), 12, 1747.08m, false, [Manual, Friendly],
        new LateInterestResponse(new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 20), 12, 12.15m, 6.98m, 40m, 46.98m,
            [new LateInterestSegmentResponse(new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 20), 12, 1747.08m, 6.98m)], 0m, false, true));

    public static readonly SendReminderRequest Send = new(2, ["compta@durand.example"], null, null);

    public static readonly LateFeeInvoiceResponse LateFees = new(Guid.Parse("01936f00-0000-7000-8000-0000000000f9"), InvoiceId, new DateOnly(2026, 5, 8),
        new DateOnly(2026, 5, 20), 12, 12.15m, 6.98m, 40m, 46.98m);
}
