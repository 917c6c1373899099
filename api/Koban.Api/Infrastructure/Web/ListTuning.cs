namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// How list queries choose their plan (<c>Koban:Lists</c>). A filter on a figure kept in another table (an invoice's
/// payment status) reads the matching ids first when they are at most <see cref="SparseFilterLimit"/>, and pages over
/// those rows alone; beyond that the matches are dense enough for the sorted walk to fill a page quickly.
/// </summary>
public sealed class ListTuning
{
    public int SparseFilterLimit { get; set; } = 1000;
}
