using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// The sort fields a list accepts (<c>sort=displayName</c>, <c>sort=-createdAt</c>) and keyset paging over them:
/// the cursor holds the sort, the last row's sort value and its id, so pages stay stable while rows are inserted,
/// and each page is an index range scan instead of an OFFSET. Sort keys must be non-null columns.
/// </summary>
public sealed class SortFields<T>(string defaultSort)
{
    private readonly Dictionary<string, LambdaExpression> _keys = new(StringComparer.Ordinal);

    // Compiled once here: compiling an expression per page costs more CPU than the page's query.
    private readonly Dictionary<LambdaExpression, Func<T, object?>> _readers = [];

    public string Default { get; } = defaultSort;

    public IReadOnlyCollection<string> Names => _keys.Keys;

    public SortFields<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys.Add(name, key);
        var read = key.Compile();
        _readers.Add(key, row => read(row));
        return this;
    }

    internal object? Read(LambdaExpression key, T row) => _readers[key](row);

    internal (LambdaExpression Key, bool Descending, string Canonical) Resolve(string? sort)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = text.StartsWith('-');
        var name = text.TrimStart('-', '+');
        return _keys.TryGetValue(name, out var key)
            ? (key, descending, (descending ? "-" : "") + name)
            : throw new FieldValidationException("sort", ApiErrorCodes.SortUnknown);
    }
}

public static class Keyset
{
    private sealed record Position(string Sort, JsonElement Value, Guid Id);

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    public static async Task<(List<T> Items, string? NextCursor, bool HasMore)> PageAsync<T>(
        IQueryable<T> query, SortFields<T> fields, string? sort, string? after, int limit, Expression<Func<T, Guid>> id, CancellationToken ct)
    {
        var (key, descending, canonical) = fields.Resolve(sort);
        var position = Cursor.Decode<Position>(after);
        if (position is not null)
        {
            if (position.Sort != canonical) throw new FieldValidationException("after", ApiErrorCodes.CursorInvalid);
            query = query.Where(After(key, id, position, descending));
        }
        query = Order(query, key, id, descending);
        var rows = await query.Take(limit + 1).ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        string? next = null;
        if (hasMore)
        {
            var last = rows[^1];
            var value = fields.Read(key, last);
            next = Cursor.Encode(new Position(canonical, JsonSerializer.SerializeToElement(value, key.ReturnType), IdOf(id, last)));
        }
        return (rows, next, hasMore);
    }

    private static IQueryable<T> Order<T>(IQueryable<T> query, LambdaExpression key, Expression<Func<T, Guid>> id, bool descending)
    {
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable),
            descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key)));
        return descending ? ordered.ThenByDescending(id) : ordered.ThenBy(id);
    }

    /// <summary>The row's id through the member the id expression names (<c>r => r.Id</c>), without compiling it.</summary>
    private static Guid IdOf<T>(Expression<Func<T, Guid>> id, T row) => id.Body is MemberExpression { Member: System.Reflection.PropertyInfo property } member
        && member.Expression == id.Parameters[0]
        ? (Guid)property.GetValue(row)!
        : id.Compile()(row);

    /// <summary>(key, id) strictly after the cursor in the sort's direction.</summary>
    private static Expression<Func<T, bool>> After<T>(LambdaExpression key, Expression<Func<T, Guid>> id, Position position, bool descending)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var keyBody = new Rebind(key.Parameters[0], row).Visit(key.Body)!;
        var idBody = new Rebind(id.Parameters[0], row).Visit(id.Body)!;
        object? value;
        try
        {
            value = position.Value.Deserialize(key.ReturnType);
        }
        catch (JsonException)
        {
            throw new FieldValidationException("after", ApiErrorCodes.CursorInvalid);
        }
        var keyValue = Boxed(value, key.ReturnType);
        var idValue = Boxed(position.Id, typeof(Guid));
        var beyond = Compare(keyBody, keyValue, descending);
        var tie = Expression.AndAlso(Expression.Equal(keyBody, keyValue), Compare(idBody, idValue, descending));
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, tie), row);
    }

    /// <summary>A closure-like member access, so EF sends the value as a parameter and reuses the plan.</summary>
    private static MemberExpression Boxed(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        if (left.Type == typeof(string) || left.Type == typeof(Guid))
        {
            // EF translates CompareTo / string.Compare against 0 into a plain SQL comparison.
            var compare = left.Type == typeof(string)
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right)
                : Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
