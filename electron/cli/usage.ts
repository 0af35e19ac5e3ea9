/** The help text of `clipdesk --help` (and of `clipdesk` with no command). */
export const USAGE = `usage: clipdesk <command> [options]

commands:
  import <file|url>... [--tag T]...  clip files (.html .txt .md) or web pages, with tags
  list [--tag T]... [--state unread|read|archived] [--starred] [--annotated] [--trash] [--sort clippedAt|publishedAt|title] [--limit N]
  show <id>                          metadata, text and highlights of one clip
  search <query> [--limit N]         ranked search; see README for the query syntax
  tag <id> +name -name...            add (+) or remove (-) tags
  tags [rename OLD NEW | merge A B... --into C | delete NAME]
  annotate <id> --quote TEXT [--occurrence N] [--note TEXT] [--color yellow|green|blue|pink|purple]
  note <id> TEXT                     set the clip's note
  star <id> | unstar <id>
  mark <id> unread|read|archived     set where the clip stands in your reading
  trash <id> | restore <id> | empty-trash
  revisions <id> | revert <id> <n>   earlier contents of a re-clipped page
  fetch-pictures [id...]             fetch the pictures clips show but the library does not keep (all such clips without ids)
  import-library FILE [--no-fetch]   import another app's export (Pocket, Omnivore, Instapaper, Readwise, Raindrop,
                                     bookmarks, Karakeep, Wallabag, Linkwarden, Hypothesis, a list of links, a Clipdesk
                                     backup), then fetch the articles of entries that are only addresses (unless --no-fetch)
  fetch                              fetch the articles of pending clips that are due (imported addresses)
  export [--format json|markdown|html|csv|w3c|netscape|vault|backup] [--out PATH] [query...]
                                     the clips a search selects (all without a query); vault and backup need --out
  digest [query...] [--from DAY] [--to DAY | --last-days N] [--group tag|source|date|none] [--title T]
         [--content highlights|excerpt|full] [--paper a4|letter] [--html FILE] [--pdf FILE] [--save-preset NAME]
                                     a press review of the clips the query selects (HTML to stdout without --html/--pdf)
  digest --preset NAME [...]         run a saved press review again (flags given override it); --presets lists them,
                                     --delete-preset NAME deletes one
  sync [--url DB_URL [--user U] [--encrypt]] [--once]
                                     sync with a CouchDB server (DB_URL e.g. https://couch.example.org/clipdesk; the
                                     password from CLIPDESK_SYNC_PASSWORD or a prompt, kept for a plain "clipdesk sync");
                                     --encrypt: end-to-end, passphrase from CLIPDESK_SYNC_PASSPHRASE or a prompt;
                                     --once: one round, else keeps syncing until Ctrl+C
  serve [--port N]                   the app in your browser, on 127.0.0.1 (prints its URL)
  check                              read every file of the library and report damage (changes nothing)

options: --library DIR (or env CLIPDESK_LIBRARY), --json, --help`;
