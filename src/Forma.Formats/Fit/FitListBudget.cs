namespace Forma.Formats.Fit;

/// <summary>
/// A ceiling on the objects kept from repeatable summary messages (events, lengths, workout steps, RR intervals).
/// A data message can be a single byte under a definition with no fields, so a crafted megabyte could otherwise
/// become a million event objects (about 56 bytes each); half an item per input byte (plus a floor for tiny
/// files) stays under the columns' own 32× budget. Real files are far below it: 114 events in 715 KB
/// (ELEMNT), a few RR intervals per second of a recording.
/// </summary>
internal sealed class FitListBudget(int inputLength)
{
    private readonly long _limit = (inputLength / 2L) + 4096;
    private long _taken;

    public void Take(int count = 1)
    {
        _taken += count;
        if (_taken > _limit)
        {
            throw new ActivityFormatException("fit-too-large", $"More than {_limit} events, lengths, workout steps and RR intervals: more than this input can hold.");
        }
    }
}
