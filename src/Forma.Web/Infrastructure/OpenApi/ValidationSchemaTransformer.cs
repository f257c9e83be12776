using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Forma.Web.Infrastructure.OpenApi;

/// <summary>
/// Declares in the document what the OpenAPI generator does not translate from data annotations: an email address
/// (<see cref="DataType.EmailAddress"/>, checked by the domain, which names every bad field at once) as
/// <c>format: email</c>, and <see cref="AllowedValuesAttribute"/> as an <c>enum</c>. What the document says a field
/// accepts is then what the API accepts, and a client generated from it offers the right choices.
/// </summary>
internal static class ValidationSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: true)
            ?? ParameterOf(context)?.GetCustomAttributes(inherit: true)
            ?? [];
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case DataTypeAttribute { DataType: DataType.EmailAddress }:
                    schema.Format = "email";
                    break;
                case AllowedValuesAttribute allowed:
                    schema.Enum = allowed.Values.Select(v => v is null ? null : JsonValue.Create(v.ToString())).Cast<JsonNode>().ToList();
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static ParameterInfo? ParameterOf(OpenApiSchemaTransformerContext context) =>
        context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor descriptor ? descriptor.ParameterInfo : null;
}
