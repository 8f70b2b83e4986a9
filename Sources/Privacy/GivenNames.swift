/// Common given names (English, German, French, Spanish, Italian, Portuguese, Dutch, Nordic,
/// Polish, Turkish, Arabic, Indian, Chinese, Japanese and Korean romanisations) that
/// ``PersonNameDetector`` takes for the start of a person's name when a capitalised surname follows.
/// Names that are also ordinary words or places (May, June, Will, Mark, Grace, Rose, Jack, Max,
/// Jordan, Paris, Georgia, Victoria, Florence, …) are left out: they would flag ordinary sentences.
enum GivenNames {
    static let all: Set<String> = [
        // English
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth",
        "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob",
        "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin",
        "Samuel", "Gregory", "Alexander", "Patrick", "Raymond", "Dennis", "Jerry", "Tyler", "Aaron", "Henry",
        "Douglas", "Peter", "Adam", "Nathan", "Zachary", "Walter", "Kyle", "Harold", "Carl", "Jeremy",
        "Keith", "Roger", "Gerald", "Ethan", "Arthur", "Terry", "Sean", "Lawrence",
        "Joe", "Noah", "Jesse", "Albert", "Bryan", "Billy", "Bruce", "Willie", "Dylan",
        "Alan", "Ralph", "Gabriel", "Roy", "Juan", "Wayne", "Eugene", "Logan", "Randy", "Louis",
        "Russell", "Vincent", "Philip", "Bobby", "Johnny", "Bradley", "Oliver", "Harry", "Charlie", "Liam",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
        "Dorothy", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
        "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma",
        "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria",
        "Heather", "Diane", "Virginia", "Julie", "Joyce", "Evelyn", "Joan", "Christina", "Kelly", "Lauren",
        "Judith", "Olivia", "Martha", "Cheryl", "Megan", "Andrea", "Hannah", "Jacqueline", "Ann", "Jean",
        "Alice", "Kathryn", "Gloria", "Teresa", "Doris", "Sara", "Janice", "Julia", "Marie", "Madison",
        "Abigail", "Sophia", "Judy", "Theresa", "Beverly", "Denise", "Marilyn", "Danielle", "Brittany",
        "Diana", "Natalie", "Charlotte", "Isabella", "Mia", "Amelia", "Chloe", "Lucy", "Ella", "Sophie",
        // German, Dutch, Nordic
        "Hans", "Klaus", "Jürgen", "Günter", "Dieter", "Wolfgang", "Stefan", "Andreas", "Thorsten", "Matthias",
        "Sebastian", "Tobias", "Florian", "Lukas", "Jonas", "Felix", "Maximilian", "Moritz", "Uwe", "Jörg",
        "Ursula", "Monika", "Petra", "Sabine", "Renate", "Helga", "Ingrid", "Brigitte", "Gisela", "Heike",
        "Katrin", "Claudia", "Susanne", "Birgit", "Anja", "Lena", "Leonie", "Johanna", "Greta",
        "Jan", "Pieter", "Joost", "Sander", "Bram", "Maarten", "Anke", "Femke", "Sanne", "Annelies",
        "Lars", "Anders", "Nils", "Magnus", "Erik", "Sven", "Bjørn", "Astrid", "Sigrid", "Freya",
        // French
        "Jean-Pierre", "Jean-Luc", "Pierre", "Jacques", "Michel", "Philippe", "Alain", "Nicolas", "François", "Olivier",
        "Laurent", "Thierry", "Julien", "Mathieu", "Guillaume", "Sébastien", "Antoine", "Étienne", "Benoît", "Yves",
        "Marie-Claire", "Isabelle", "Nathalie", "Sylvie", "Françoise", "Monique", "Valérie", "Sandrine", "Céline",
        "Camille", "Manon", "Chloé", "Léa", "Élodie", "Aurélie", "Amélie", "Margaux",
        // Spanish, Portuguese, Italian
        "José", "Carlos", "Luis", "Javier", "Miguel", "Alejandro", "Francisco", "Antonio", "Manuel", "Pablo",
        "Diego", "Sergio", "Fernando", "Jorge", "Rafael", "Andrés", "Ricardo", "Eduardo", "Alberto", "Raúl",
        "Carmen", "Lucía", "Sofía", "Isabel", "Elena", "Paula", "Marta", "Cristina", "Pilar", "Rocío",
        "João", "Pedro", "Tiago", "Rui", "Gonçalo", "Inês", "Beatriz", "Mariana", "Joana", "Leonor",
        "Giuseppe", "Giovanni", "Marco", "Luca", "Alessandro", "Matteo", "Lorenzo", "Francesco", "Stefano",
        "Giulia", "Chiara", "Francesca", "Federica", "Valentina", "Alessandra", "Silvia", "Elisa", "Martina", 
        // Polish, Czech, Russian, Greek, Turkish
        "Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Agnieszka", "Katarzyna", "Małgorzata", "Magdalena",
        "Jiří", "Petr", "Tereza", "Dmitri", "Sergei", "Vladimir", "Ivan", "Nikolai", "Olga", "Tatiana",
        "Natalia", "Svetlana", "Irina", "Yannis", "Dimitris", "Nikos", "Eleni", "Katerina",
        "Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Ayşe", "Fatma", "Zeynep", "Elif", "Emine",
        // Arabic, Persian, South Asian
        "Mohammed", "Muhammad", "Ahmed", "Ali", "Omar", "Hassan", "Hussein", "Khalid", "Yusuf", "Ibrahim",
        "Fatima", "Aisha", "Maryam", "Layla", "Noor", "Reza", "Dariush", "Parisa", "Shirin",
        "Rahul", "Amit", "Rajesh", "Sanjay", "Vikram", "Arjun", "Ravi", "Suresh", "Anil", "Deepak",
        "Priya", "Anjali", "Sunita", "Pooja", "Neha", "Kavita", "Lakshmi", "Divya", "Shreya", "Aditi",
        // East Asian
        "Wei", "Jing", "Xiaoming", "Yan", "Hui", "Mei", "Haruto", "Yuki",
        "Hiroshi", "Takashi", "Kenji", "Akira", "Sakura", "Yui", "Aiko", "Minjun", "Jiwoo", "Seojun",
    ]
}
