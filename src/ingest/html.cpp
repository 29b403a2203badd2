#include <gumbo.h>

#include <cstring>

#include "ingest/ingest.hpp"

namespace tollgate::ingest {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_TITLE: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

void walk(const GumboNode* node, html_page& page) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    page.text += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_NOSCRIPT) return;
    if (e.tag == GUMBO_TAG_META) {
      const char* property = attr(e, "property");
      const char* name = attr(e, "name");
      const char* itemprop = attr(e, "itemprop");
      const char* content = attr(e, "content");
      if (property && content) {
        if (std::strcmp(property, "article:published_time") == 0) {
          page.published = content;
          page.published_by = "HTML article:published_time";
        }
        if (std::strcmp(property, "og:site_name") == 0) page.site_name = content;
      }
      // Other common spellings, used when article:published_time is absent.
      const char* other = itemprop && std::strcmp(itemprop, "datePublished") == 0 ? itemprop
                          : name && (std::strcmp(name, "pubdate") == 0 || std::strcmp(name, "date") == 0 ||
                                     std::strcmp(name, "DC.date.issued") == 0)
                              ? name
                              : nullptr;
      if (other && content && page.published_by != "HTML article:published_time") {
        page.published = content;
        page.published_by = std::string("HTML meta ") + other;
      }
      return;
    }
    if (e.tag == GUMBO_TAG_TIME && page.published.empty()) {
      if (const char* dt = attr(e, "datetime")) {
        page.published = dt;
        page.published_by = "HTML <time datetime>";
      }
    }
    if (e.tag == GUMBO_TAG_TITLE) {
      html_page inner;
      const GumboVector& kids = e.children;
      for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<GumboNode*>(kids.data[i]), inner);
      page.title = inner.text;
      return;
    }
  }
  const GumboVector& kids =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  const bool block = node->type == GUMBO_NODE_ELEMENT && is_block(node->v.element.tag);
  if (block) page.text += "\n\n";
  for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<GumboNode*>(kids.data[i]), page);
  if (block) page.text += "\n\n";
}

}  // namespace

html_page read_html(const std::string& html) {
  html_page page;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  walk(out->document, page);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  // Collapse the runs of blank lines that block elements leave behind.
  std::string text;
  int newlines = 0;
  for (char c : page.text) {
    if (c == '\n') {
      if (++newlines <= 2) text += c;
    } else {
      if (c != ' ' || newlines == 0) newlines = 0;
      if (!(c == ' ' && newlines > 0)) text += c;
    }
  }
  page.text = std::move(text);
  return page;
}

}  // namespace tollgate::ingest
