using System.Text.Json;

namespace Forma.Data.BackgroundJobs;

internal static class JobSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<TPayload>(TPayload payload) => JsonSerializer.Serialize(payload, Options);

    public static TPayload Deserialize<TPayload>(string json) =>
        JsonSerializer.Deserialize<TPayload>(json, Options) ?? throw new JsonException($"The payload of a {typeof(TPayload).Name} job is null.");
}
