namespace Forma.Core.Activities;

public enum ImportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>What became of one uploaded file.</summary>
public enum ImportFileStatus
{
    Queued,
    Done,
    Failed,

    /// <summary>The same bytes were already imported for this athlete; nothing new was created.</summary>
    Duplicate,

    /// <summary>An export archive: each activity in it was added to the import as a file of its own.</summary>
    Expanded,
}
