// glossary.js (the glossary page): filter as you type. See glossary/filter.js.
