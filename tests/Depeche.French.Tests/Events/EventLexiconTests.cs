using Depeche.French.Events;
using Xunit;

namespace Depeche.French.Tests.Events;

public class EventLexiconTests
{
    [Theory]
    [InlineData("à", CueRole.Place, CueRole.SentenceTo)]
    [InlineData("en", CueRole.Place, CueRole.InYear)]
    [InlineData("appel", CueRole.Call, CueRole.CalledBy)]
    public void A_cue_word_keeps_its_main_role_and_gains_its_second(string word, CueRole main, CueRole second)
    {
        var lexicon = EventLexicon.French;
        Assert.True(lexicon.TryGetCue(word, out var role));
        Assert.Equal(main, role);
        Assert.True(lexicon.HasRole(word, main));
        Assert.True(lexicon.HasRole(word, second));
        Assert.False(lexicon.HasRole("pourparlers", second));
    }

    [Fact]
    public void The_first_line_of_a_word_gives_its_main_role()
    {
        var lexicon = new EventLexicon([], [("à", CueRole.SentenceTo), ("à", CueRole.Place)]);
        Assert.True(lexicon.TryGetCue("à", out var role));
        Assert.Equal(CueRole.SentenceTo, role);
        Assert.True(lexicon.HasRole("à", CueRole.Place));
        Assert.False(lexicon.HasRole("à", CueRole.Target));
    }
}
