namespace Koban.Domain.Sales;

public enum PaymentMethod
{
    BankTransfer,
    Card,
    Cheque,
    Cash,
    DirectDebit,
    Other,
}
