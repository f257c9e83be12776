using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Forma.Core.Validation;

namespace Forma.Web.Infrastructure.Validation;

/// <summary>
/// Applies Forma.Core's text, date and enum rules to everything a request carries: each query, route and header
/// value, and each property of a request record, nested records and lists included. The rules then hold for every
/// endpoint without each handler remembering them; a refusal is a <see cref="Core.DomainException"/> naming the
/// field as the client spelled it (<c>participants[1].note</c>), which the exception handler turns into a 400.
/// </summary>
internal static class InputRules
{
    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>An endpoint filter for handlers that take anything the rules judge; other handlers run untouched.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checkedParameters = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Index: index, Parameter: parameter))
            .Where(p => Judged(p.Parameter.ParameterType))
            .Select(p => (p.Index, Field: IsRequestRecord(p.Parameter.ParameterType) ? "" : p.Parameter.Name!, Kind: KindOf(p.Parameter)))
            .ToArray();
        if (checkedParameters.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var (index, field, kind) in checkedParameters)
            {
                Check(invocation.Arguments[index], field, kind, 0);
            }

            return next(invocation);
        };
    }

    /// <summary>Checks one value (and what it holds) against the rules.</summary>
    /// <exception cref="Core.DomainException">A value breaks a rule; the exception names its field.</exception>
    public static void Check(object? value, string field, TextKind kind, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text when kind != TextKind.Secret:
                TextRules.Require(text, field, multiline: kind == TextKind.Multiline);
                return;
            case DateOnly date:
                DateRules.Require(date, field);
                return;
            case DateTime instant:
                DateRules.Require(instant, field);
                return;
            case DateTimeOffset instant:
                DateRules.Require(instant, field);
                return;
            case Enum choice when !Enum.IsDefined(choice.GetType(), choice):
                throw new Core.DomainException("invalid-choice", $"One of {string.Join(", ", Enum.GetNames(choice.GetType()))}.", field);
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        var type = value.GetType();
        if (IsRequestRecord(type))
        {
            foreach (var member in Members.GetOrAdd(type, MembersOf))
            {
                Check(member.Property.GetValue(value), field.Length == 0 ? member.JsonName : $"{field}.{member.JsonName}", member.Kind, depth + 1);
            }
        }
        else if (value is IEnumerable items and not string)
        {
            var i = 0;
            foreach (var item in items)
            {
                Check(item, $"{field}[{i++}]", kind, depth + 1);
            }
        }
    }

    private static bool Judged(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t.IsEnum || IsRequestRecord(t);
    }

    /// <summary>Request records are ours and are records; services injected into a handler (also ours) are not.</summary>
    private static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("Forma.", StringComparison.Ordinal) == true && type.GetMethod("<Clone>$") is not null;

    private static Member[] MembersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new Member(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), KindOf(p)))
            .ToArray();

    private static TextKind KindOf(ICustomAttributeProvider target) =>
        target.IsDefined(typeof(SecretTextAttribute), false) ? TextKind.Secret
        : target.IsDefined(typeof(MultilineTextAttribute), false) ? TextKind.Multiline
        : TextKind.Line;

    private sealed record Member(PropertyInfo Property, string JsonName, TextKind Kind);
}

internal enum TextKind
{
    Line,
    Multiline,
    Secret,
}
