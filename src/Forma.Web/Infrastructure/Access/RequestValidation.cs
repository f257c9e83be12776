using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Forma.Core;

namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// Checks a request record's declared shape (data annotations on its properties or on its positional parameters, the
/// same attributes the OpenAPI document and the endpoint validation read) inside the use case, so a page, a job or a
/// test is held to the same rules as an HTTP caller. Refuses with one 400 naming every bad field by its JSON name.
/// </summary>
internal static class RequestValidation
{
    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    public static void Ensure<T>(T request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var rule in Rules.GetOrAdd(typeof(T), Discover))
        {
            var value = rule.Property.GetValue(request);
            var context = new ValidationContext(request) { MemberName = rule.Property.Name, DisplayName = rule.Property.Name };
            var messages = rule.Attributes.Select(a => a.GetValidationResult(value, context)).Where(r => r != ValidationResult.Success)
                .Select(r => r!.ErrorMessage ?? $"{rule.JsonName} is not valid.").Distinct(StringComparer.Ordinal).ToArray();
            if (messages.Length > 0)
            {
                errors[rule.JsonName] = messages;
            }
        }

        if (errors.Count == 0 && request is IValidatableObject self)
        {
            foreach (var result in self.Validate(new ValidationContext(request)))
            {
                foreach (var member in result.MemberNames.DefaultIfEmpty("request"))
                {
                    var name = JsonNamingPolicy.CamelCase.ConvertName(member);
                    errors[name] = [.. errors.GetValueOrDefault(name, []), result.ErrorMessage ?? "Not valid."];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw DomainException.Invalid(errors);
        }
    }

    private static Rule[] Discover(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(p => p.GetCustomAttributes<ValidationAttribute>()).ToArray(), StringComparer.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new Rule(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                [.. p.GetCustomAttributes<ValidationAttribute>(), .. parameters.GetValueOrDefault(p.Name, [])]))
            .Where(r => r.Attributes.Length > 0)
            .ToArray();
    }

    private sealed record Rule(PropertyInfo Property, string JsonName, ValidationAttribute[] Attributes);
}
