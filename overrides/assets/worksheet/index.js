// worksheet behaviour: see issue 3
