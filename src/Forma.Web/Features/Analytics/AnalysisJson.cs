using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forma.Web.Features.Analytics;

/// <summary>How stored analyses are written as JSON: web casing, and the top zone's open upper bound (+∞) written as "Infinity".</summary>
internal static class AnalysisJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
