using System.Globalization;
using System.Text;

namespace Forma.Web.Features.Demo;

/// <summary>
/// Prints the demo's sign-in details straight to the console, not through the logger: passwords never
/// enter the structured logs that are shipped and kept.
/// </summary>
internal static class DemoBanner
{
    public static void Print(IReadOnlyList<DemoLogin> logins, string? urls)
    {
        var text = new StringBuilder();
        var baseUrl = (urls ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
        if (logins.Count == 0)
        {
            text.AppendLine("Demo data: the database already holds a business, so nothing was seeded.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Demo business 'Forma Demo Studio' at {baseUrl}/t/{DemoSeeder.Slug}/ — sign in with:");
            foreach (var login in logins)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {login.Role,-8} {login.Name,-14} {login.Email,-26} password: {login.Password}");
            }

            text.AppendLine("These passwords are shown only now; seed a fresh database to get new ones.");
        }

        Console.Out.Write(text.ToString());
        Console.Out.Flush();
    }
}
