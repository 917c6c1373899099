namespace Koban.Domain.Accounting.Export;

/// <summary>
/// One journal entry line as every export format sees it: the entry's header fields repeated on each of its lines
/// (the FEC's shape). Amounts are positive on one side (<see cref="Debit"/> or <see cref="Credit"/>), the other is zero.
/// </summary>
public sealed record ExportRow(
    string JournalCode, string JournalLabel, int EntryNumber, DateOnly EntryDate,
    string Account, string AccountLabel, string? AuxiliaryAccount, string? AuxiliaryLabel,
    string PieceRef, DateOnly PieceDate, string Label, decimal Debit, decimal Credit,
    string? LetteringCode, DateOnly? LetteringDate, DateOnly ValidationDate,
    decimal? CurrencyAmount, string? CurrencyCode);
