"""What the public sees of outreach work: the home page's section, talk requests (and how
long their contacts are kept), the feedback pages, the iCalendar feeds, search hits."""
