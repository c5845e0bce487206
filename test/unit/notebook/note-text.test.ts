import { describe, expect, it } from 'vitest'
import { extractMentions, extractTags, mentionLink } from '../../../src/notebook/note-text'

describe('note text', () => {
  it('finds each mentioned entity once, in order', () => {
    const text = `${mentionLink('a1', 'Zoé')} told ${mentionLink('b2', 'Paul [the baker]')} about ${mentionLink('a1', 'Zoé')}`
    expect(extractMentions(text)).toEqual(['a1', 'b2'])
    expect(text).toContain('[@Paul  the baker](carnet:entity/b2)')
  })

  it('finds tags in any alphabet but not headings, anchors or words with # inside', () => {
    const text = '# Heading\n#Vegan idea (#sans-gluten) #café #日本 see https://x.org/#anchor and C#sharp #vegan'
    expect(extractTags(text)).toEqual(['vegan', 'sans-gluten', 'café', '日本'])
  })

  it('does not read a tag inside a mention name', () => {
    expect(extractTags(mentionLink('x', 'Room #5'))).toEqual([])
  })
})
