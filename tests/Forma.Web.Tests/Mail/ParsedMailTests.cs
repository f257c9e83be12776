using Forma.Testing.Mail;

namespace Forma.Web.Tests.Mail;

public class ParsedMailTests
{
    [Fact]
    public void Parse_NestedMultipartWithFoldedEncodedSubject_DecodesSubjectAndPicksTheTextParts()
    {
        // Written by hand from RFC 2045–2047: a folded subject of a Q word and a B word ("Café " + "ñandú"),
        // multipart/mixed around multipart/alternative, a quoted-printable text part with a soft line break.
        const string raw = """
            From: Forma <no-reply@forma.test>
            Subject: =?utf-8?Q?Caf=C3=A9_?=
             =?utf-8?B?w7FhbmTDug==?=
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Open https://forma.test/verify?token=3Dabc=
            def. Gr=C3=BC=C3=9Fe
            --inner
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PHA+SGk8L3A+
            --inner--
            --outer
            Content-Type: application/octet-stream

            attachment
            --outer--
            """;

        var mail = ParsedMail.Parse(raw);

        Assert.Equal("Café ñandú", mail.Subject);
        Assert.Equal("Forma <no-reply@forma.test>", mail.Header("from"));
        Assert.Equal("Open https://forma.test/verify?token=abcdef. Grüße", mail.TextBody);
        Assert.Equal("<p>Hi</p>", mail.HtmlBody);
        Assert.Equal("https://forma.test/verify?token=abcdef", MailLinks.First(mail.TextBody));
    }

    [Theory]
    [InlineData("No link here.", null)]
    [InlineData("Reset: http://localhost:5080/reset?t=1&u=2\r\nThanks", "http://localhost:5080/reset?t=1&u=2")]
    [InlineData("(see https://forma.test/a), then https://forma.test/b", "https://forma.test/a")]
    public void FirstLink_FindsTheFirstHttpLink(string body, string? expected) =>
        Assert.Equal(expected, MailLinks.First(body));
}
