module chathub

go 1.19
