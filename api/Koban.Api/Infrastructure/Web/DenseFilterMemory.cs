using System.Collections.Concurrent;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// Remembers for a minute which filters match too many of a company's rows to be read first (see
/// <see cref="ListTuning"/>), so that a list asked page after page with a frequent filter does not probe its matches on
/// every request. It is a hint about the plan, never about the answer: both plans list exactly the same rows, a filter
/// remembered as dense is still applied in full, and one that is not remembered is probed again.
/// </summary>
public sealed class DenseFilterMemory(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(Guid Company, string Filter), DateTimeOffset> _dense = new();

    public bool IsDense(Guid company, string filter) =>
        _dense.TryGetValue((company, filter), out var until) && until > clock.GetUtcNow();

    public void RememberDense(Guid company, string filter)
    {
        var now = clock.GetUtcNow();
        if (_dense.Count >= MaxEntries)
        {
            foreach (var (key, until) in _dense)
            {
                if (until <= now) _dense.TryRemove(key, out _);
            }
            if (_dense.Count >= MaxEntries) return;
        }
        _dense[(company, filter)] = now + Lifetime;
    }
}
