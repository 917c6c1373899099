namespace Koban.Domain.Sales;

public enum OpportunityStage
{
    Open,
    Won,
    Lost,
}
