using System.Buffers.Text;
using System.Text;

namespace Forma.Web.Features.Athletes;

/// <summary>
/// Where a page of the name-ordered list ended: the last row's (last name, first name, id). Keyset paging
/// stays correct and fast when rows are added or removed between pages, unlike an offset.
/// </summary>
internal sealed record AthleteCursor(string LastName, string FirstName, Guid Id)
{
    private const char Separator = '\u001f';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{LastName}{Separator}{FirstName}{Separator}{Id:N}"));

    public static bool TryDecode(string? value, out AthleteCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split(Separator);
            if (parts.Length == 3 && Guid.TryParseExact(parts[2], "N", out var id))
            {
                cursor = new AthleteCursor(parts[0], parts[1], id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
